#!/usr/bin/env node
// `npx zcmb <command>`: runs the compiled CLI (dist-cli/zcmb.cjs), building it first when it is missing or older
// than its sources (right after `npm ci`, or after a pull).
"use strict";
const cli = require("../scripts/buildCli.cjs");

if (!cli.isFresh()) cli.buildCli();
require(cli.bundle);
