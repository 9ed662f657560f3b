import type { ChalkInstance } from 'chalk';

/** No colour: every style, chained or called, gives the text back as it is. */
export const plain: ChalkInstance = new Proxy(
  function (text?: unknown) {
    return String(text ?? '');
  } as unknown as ChalkInstance,
  {
    get: (_target, key) => (key === 'level' ? 0 : plain),
    apply: (_target, _this, args: unknown[]) => args.map(String).join(' '),
  },
);
