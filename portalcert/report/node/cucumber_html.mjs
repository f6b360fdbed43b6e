// Cucumber Messages (NDJSON) -> Cucumber's one-page HTML report, with no network: the formatter inlines
// its script and styles. Usage: node cucumber_html.mjs NODE_MODULES IN.ndjson OUT.html
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { pathToFileURL } from 'node:url'

const [nodeModules, input, output] = process.argv.slice(2)
// The formatter is found in the project's node_modules (installed by `make setup`), wherever this runs.
const entry = path.join(nodeModules, '@cucumber', 'html-formatter', 'dist', 'src', 'index.js')
const { CucumberHtmlStream } = await import(pathToFileURL(entry).href)

async function* envelopes() {
  const lines = readline.createInterface({ input: fs.createReadStream(input, 'utf8'), crlfDelay: Infinity })
  let number = 0
  for await (const line of lines) {
    number += 1
    if (line.trim() === '') continue
    try {
      yield JSON.parse(line)
    } catch (error) {
      throw new Error(`${input}:${number}: not a JSON message (${error.message})`)
    }
  }
}

try {
  await pipeline(Readable.from(envelopes()), new CucumberHtmlStream(), fs.createWriteStream(output))
} catch (error) {
  process.stderr.write(`${error.message}\n`)
  process.exit(1)
}
