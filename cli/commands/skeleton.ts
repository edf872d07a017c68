/** `nianbao skeleton --format 2019|2021 [--year Y] [--organ NAME] [--kind KIND] [--fill blank|zero]` */
import { skeleton } from '../../core';
import { UsageError } from '../args';
import { U } from '../messages';

export function runSkeleton(flags: Record<string, string | true>, out: (s: string) => void): number {
  const format = String(flags.format ?? '');
  if (format !== '2019' && format !== '2021') throw new UsageError(U.skeletonFormat, {});
  const year = flags.year === undefined ? undefined : Number(flags.year);
  if (year !== undefined && !Number.isInteger(year)) throw new UsageError(U.year, {});
  const fill = flags.fill === undefined ? 'blank' : String(flags.fill);
  if (fill !== 'blank' && fill !== 'zero') throw new UsageError(U.fill, {});
  out(
    skeleton({
      format,
      year,
      organ: flags.organ as string | undefined,
      organKind: flags.kind as string | undefined,
      fill,
    }).trimEnd(),
  );
  return 0;
}
