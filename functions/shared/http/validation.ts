import type { z } from 'zod';
import type { FieldIssue } from '../domain/errors';

type Issue = z.core.$ZodIssue;

const sizeNames = {
  string: ['too_short', 'too_long'],
  array: ['too_few', 'too_many'],
  set: ['too_few', 'too_many'],
} as const;

/** Turns zod issues into field issues with stable codes that the content files translate. */
export function fieldIssuesOf(issues: readonly Issue[], location: string): FieldIssue[] {
  return issues.flatMap((issue): FieldIssue[] => {
    const field = [location, ...issue.path.map(String)].join('.');
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined
          ? [{ field, code: 'required' }]
          : [{ field, code: 'invalid_type', params: { expected: issue.expected } }];
      case 'too_small': {
        const names = sizeNames[issue.origin as keyof typeof sizeNames];
        return [{ field, code: names ? names[0] : 'too_small', params: { minimum: Number(issue.minimum) } }];
      }
      case 'too_big': {
        const names = sizeNames[issue.origin as keyof typeof sizeNames];
        return [{ field, code: names ? names[1] : 'too_big', params: { maximum: Number(issue.maximum) } }];
      }
      case 'invalid_format':
        return [
          {
            field,
            code: ['email', 'url', 'uuid', 'date', 'datetime', 'regex'].includes(issue.format)
              ? `invalid_format_${issue.format}`
              : 'invalid_format',
          },
        ];
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ field: `${field}.${key}`, code: 'unknown_field' }));
      case 'invalid_value':
        return [
          {
            field,
            code: 'invalid_option',
            params: { options: issue.values.slice(0, 12).map(String).join(', ') },
          },
        ];
      case 'custom': {
        const reason = issue.params?.reason;
        return [{ field, code: typeof reason === 'string' ? reason : 'invalid' }];
      }
      default:
        return [{ field, code: 'invalid' }];
    }
  });
}
