// Copies node and credential icons next to the compiled files, keeping their paths, so that the
// `file:` icon references in the descriptions resolve inside dist/.
const { src, dest } = require('gulp');

function buildIcons() {
	return src(['icons/**/*.{png,svg}', 'nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;
