// Bundles each entry point with @vercel/ncc into dist/ (committed: the runner
// executes dist/, not src/). One bundle per front door:
//   dist/index.js            the run action          (action.yml)
//   dist/check-key/index.js  the key-expiry action   (check-key/action.yml), when present
//   dist/cli/index.js        the echopoint-ci CLI    (package.json "bin")
import ncc from '@vercel/ncc'
import { existsSync } from 'node:fs'
import { mkdir, rm, writeFile, chmod } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'

const entries = [
  { entry: 'src/github/run/index.ts', out: 'dist' },
  { entry: 'src/github/check-key/index.ts', out: 'dist/check-key' },
  { entry: 'src/cli/index.ts', out: 'dist/cli', executable: true }
].filter((e) => existsSync(e.entry))

await rm('dist', { recursive: true, force: true })
for (const { entry, out, executable } of entries) {
  const { code, assets } = await ncc(resolve(entry), {
    minify: false,
    sourceMap: false,
    license: 'licenses.txt',
    quiet: true,
    // Never let ncc resolve against a tsconfig path alias or a global cache: builds must be reproducible.
    cache: false,
    target: 'es2022'
  })
  if (!code.includes('export') && code.length < 1000) {
    throw new Error(`${entry} bundled to an almost empty file; is package.json "type": "module"?`)
  }
  await mkdir(out, { recursive: true })
  const file = join(out, 'index.js')
  await writeFile(file, code)
  if (executable) await chmod(file, 0o755)
  for (const [name, asset] of Object.entries(assets ?? {})) {
    const target = join(out, name)
    await mkdir(dirname(target), { recursive: true })
    await writeFile(target, asset.source)
  }
  console.log(`built ${file} (${Math.round(code.length / 1024)} KiB)`)
}
