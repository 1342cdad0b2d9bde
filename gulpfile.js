// Copies node and credential icons next to the compiled files, keeping their paths, so that the
// `file:` icon references in the descriptions resolve inside dist/; and each node's codex file
// (<Node>.node.json: categories, aliases, docs links), which n8n reads from beside the .node.js file.
const { src, dest } = require('gulp');

function buildIcons() {
	return src(['icons/**/*.{png,svg}', 'nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;
