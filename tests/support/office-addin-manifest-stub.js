// office-addin-mock needs only office-addin-manifest's OfficeApp enum, but the package's entry point pulls
// ESM-only dependencies that jest's CommonJS runtime cannot load; its officeApp module has no dependencies.
module.exports = require("office-addin-manifest/lib/officeApp");
