#!/usr/bin/env node
// `npx zcmb <command>`: runs the compiled CLI (dist-cli/zcmb.cjs), building it first when it, or the bundle of the
// command asked for, is missing or older than its sources (right after `npm ci`, or after a pull or an edit).
"use strict";
const cli = require("../scripts/buildCli.cjs");

if (!cli.isFresh(process.argv.slice(2))) cli.buildCli();
require(cli.bundle);
