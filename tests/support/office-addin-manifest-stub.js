// office-addin-mock imports office-addin-manifest only for its CLI helpers; the ESM-only chain below it
// cannot load under jest's CommonJS runtime, and no test needs it.
module.exports = {};
