/** The kit's version, sent in User-Agent and shown by `echopoint-ci --version`. Kept equal to package.json by a test. */
export const VERSION = '1.0.0'
