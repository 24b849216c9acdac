#!/usr/bin/env node
require('reflect-metadata');
require('../dist/src/cli/index.js').main(process.argv.slice(2));
