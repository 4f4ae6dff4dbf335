/**
 * What Internet Explorer 11 lacks of ES2015–ES2019 and the legacy build uses, from core-js (each module installs
 * itself only where the engine lacks it): Symbol and iteration (TypeScript's downlevelIteration reads
 * Symbol.iterator), Promise, Map/Set/WeakMap with iterable constructors, and the Array, Object, String, Number and
 * Math methods the planner and the Excel writer call. EdgeHTML has most of them; the modules then do nothing.
 * tests/taskpane/legacyBundle.test.ts runs the legacy bundle in an engine stripped of all of these.
 */
import "core-js/es/symbol";
import "core-js/es/promise";
import "core-js/es/map";
import "core-js/es/set";
import "core-js/es/weak-map";
import "core-js/es/weak-set";
import "core-js/es/array";
import "core-js/es/object";
import "core-js/es/string";
import "core-js/es/number";
import "core-js/es/math";

/**
 * `String.prototype.normalize`, which Internet Explorer 11 lacks and core-js does not provide: the engine and the
 * date reader call `normalize("NFKC")` on what users type. This covers what a Chinese user types that NFKC
 * changes — full-width letters, digits and punctuation (ＡＢ１２，％) and the ideographic space — and leaves other
 * characters as they are (NFC/NFD and other compatibility characters are not rewritten).
 */
if (typeof String.prototype.normalize !== "function") {
  Object.defineProperty(String.prototype, "normalize", {
    configurable: true,
    writable: true,
    value: function normalize(this: string, form?: string): string {
      const text = String(this);
      if (form !== "NFKC" && form !== "NFKD") return text;
      return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
        ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
      );
    },
  });
}
