/** Reading flow definition files (and other JSON files the flow commands take), bounded. */
import { readFile } from 'node:fs/promises'

/** Largest flow file read (a flow of thousands of nodes is far smaller). */
export const MAX_FLOW_FILE_BYTES = 16 * 1024 * 1024

export async function readFlowFile(path: string): Promise<{ json?: unknown; error?: string }> {
  let text: string
  try {
    const buffer = await readFile(path)
    if (buffer.length > MAX_FLOW_FILE_BYTES) {
      return { error: `it is larger than ${MAX_FLOW_FILE_BYTES / 1024 / 1024} MiB` }
    }
    text = buffer.toString('utf8')
  } catch (err) {
    const code = (err as { code?: string }).code
    return {
      error: code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(err)})`
    }
  }
  try {
    return { json: JSON.parse(text) as unknown }
  } catch (err) {
    return { error: `is not JSON (${(err as Error).message})` }
  }
}
