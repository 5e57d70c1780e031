/** A reason the CDK app refuses to synthesize; bin/app.ts prints it as it is, without a stack trace. */
export class SynthRefused extends Error {
  override name = 'SynthRefused';
}
