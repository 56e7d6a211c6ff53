import { message } from "../../../src/config/diagnostics";
import type { Problem, Report } from "../../../src/config/problem";
import { validate } from "../../../src/config/validate";
import { catalogue } from "../../../src/services/catalogue";

/** The host the tests' pages are served from. */
export const HOST = "www.shop.test";

/** A reporter that keeps the problems, and the sentences the site owner would read: "<path>: <message>". */
export function collect(host = HOST) {
  const problems: Problem[] = [];
  const messages: string[] = [];
  // Returns something truthy on purpose: the validator must not depend on what report returns.
  const report: Report = (...problem) => messages.push(`${problem[0]}: ${message(problem, host)}`) + problems.push(problem);
  return { report, problems, messages };
}

/** Validates `input` as boot does, on a page at `host`. */
export function run(input: unknown, host = HOST) {
  const { report, problems, messages } = collect(host);
  const config = validate(input, catalogue, host, report);
  return { config, messages, problems };
}

/** The config and the messages, for comparing the whole outcome at once. */
export function outcome(input: unknown, host = HOST) {
  const { config, messages } = run(input, host);
  return { config, messages };
}
