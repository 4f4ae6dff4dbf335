/** @type {import('jest').Config} */
const tsJest = [
  "ts-jest",
  {
    // Type checking is `npm run typecheck`'s job; isolatedModules makes ts-jest transpile each file alone, fast.
    tsconfig: {
      module: "commonjs",
      moduleResolution: "node10",
      jsx: "react-jsx",
      esModuleInterop: true,
      isolatedModules: true,
    },
  },
];

module.exports = {
  testTimeout: 120000,
  transform: { "^.+\\.tsx?$": tsJest },
  moduleNameMapper: {
    // office-addin-mock pulls office-addin-manifest, whose dependencies are ESM-only; the mock never needs it.
    "^office-addin-manifest$": "<rootDir>/tests/support/office-addin-manifest-stub.js",
  },
  testPathIgnorePatterns: ["/node_modules/", "/dist/"],
  testEnvironment: "node",
};
