// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";

/** Pure layers: no host APIs, so the engine and the edition data run the same in Excel, Node and tests. */
const pureLayerBans = {
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        {
          group: ["react", "react-*", "react/*", "@fluentui/*"],
          message: "engine/, policy/ and importer/ are pure: no React.",
        },
        {
          group: ["exceljs", "office-addin-*", "@microsoft/office-js"],
          message: "engine/, policy/ and importer/ are pure: no Office.",
        },
        {
          group: [
            "**/functions/**",
            "**/workbook",
            "**/workbook/**",
            "**/sheets",
            "**/sheets/**",
            "**/excel",
            "**/excel/**",
            "**/xlsx",
            "**/xlsx/**",
            "**/docx",
            "**/docx/**",
            "**/taskpane/**",
            "**/cli/**",
          ],
          message: "Imports point from hosts to engine to policy, never back.",
        },
        {
          group: ["node:*", "fs", "path", "child_process"],
          message: "engine/, policy/ and importer/ run in Excel too: no Node APIs.",
        },
      ],
    },
  ],
  "no-restricted-globals": [
    "error",
    { name: "Office", message: "engine/, policy/ and importer/ are pure: no Office." },
    { name: "Excel", message: "engine/, policy/ and importer/ are pure: no Excel." },
    { name: "CustomFunctions", message: "engine/, policy/ and importer/ are pure: errors are values here." },
    { name: "React", message: "engine/, policy/ and importer/ are pure: no React." },
    { name: "document", message: "engine/, policy/ and importer/ are pure: no DOM." },
    { name: "window", message: "engine/, policy/ and importer/ are pure: no DOM." },
  ],
};

/**
 * policy/ is the bottom layer: the edition data and the helpers its figures need (tidy, Chinese numerals). The
 * engine builds on it, the importer and the report sit beside the engine; none of them may be imported back.
 */
const policyLayerBans = {
  ...pureLayerBans,
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        ...pureLayerBans["no-restricted-imports"][1].patterns,
        {
          group: [
            "**/engine",
            "**/engine/**",
            "**/importer",
            "**/importer/**",
            "**/report",
            "**/report/**",
            "**/carryover",
            "**/carryover/**",
          ],
          message: "policy/ is the bottom layer: it imports nothing from engine/, importer/, report/ or carryover/.",
        },
      ],
    },
  ],
};

/**
 * carryover/ (the year's turn) sits above the engine and the importer: it uses the importer's id matching and the
 * engine's units, so neither of them (nor report/) may import it back.
 */
const belowCarryOverBans = {
  ...pureLayerBans,
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        ...pureLayerBans["no-restricted-imports"][1].patterns,
        {
          group: ["**/carryover", "**/carryover/**"],
          message: "carryover/ builds on engine/ and importer/: they never import it.",
        },
      ],
    },
  ],
};

/**
 * workbook/ is the kernel: workbooks, not policies (the model, the snapshot a host reads, A1 and formula
 * references, the cell diff, the keyed-table patch, the patch types). The product passes its layout knowledge in;
 * the kernel imports nothing of it, nor of a host.
 */
const kernelBans = {
  ...pureLayerBans,
  "no-restricted-imports": [
    "error",
    {
      patterns: [
        {
          group: [
            "**/policy",
            "**/policy/**",
            "**/engine",
            "**/engine/**",
            "**/importer",
            "**/importer/**",
            "**/report",
            "**/report/**",
            "**/carryover",
            "**/carryover/**",
            "**/sheets",
            "**/sheets/**",
          ],
          message:
            "workbook/ is the kernel: it knows workbooks, not policies — nothing of policy/, engine/ or sheets/.",
        },
        ...pureLayerBans["no-restricted-imports"][1].patterns,
      ],
    },
  ],
};

export default tseslint.config(
  { ignores: ["node_modules/**", "dist/**", "dist-cli/**", "artifacts/**", "coverage/**", ".cache/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs,cjs}"],
    plugins: { "office-addins": officeAddins, "react-hooks": reactHooks },
    languageOptions: {
      globals: {
        console: "readonly",
        process: "readonly",
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        URL: "readonly",
        Buffer: "readonly",
        performance: "readonly",
        document: "readonly",
        window: "readonly",
        navigator: "readonly",
        globalThis: "readonly",
      },
    },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "no-eval": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["src/carryover/**", "src/returns/**"], rules: pureLayerBans },
  { files: ["src/engine/**", "src/report/**", "src/importer/**"], rules: belowCarryOverBans },
  { files: ["src/policy/**"], rules: policyLayerBans },
  { files: ["src/workbook/**"], rules: kernelBans },
  {
    files: ["**/*.js", "**/*.cjs", "scripts/**", "tests/support/**"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
