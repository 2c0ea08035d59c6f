import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ensureDataset, type SizeName } from './generate';
import { open, tempProfile } from './measure';

/**
 * One cold open (and one warm open) of a cached dataset, for profiling:
 * `node --cpu-prof --import tsx bench/profile-open.ts --size M`.
 */
const { values } = parseArgs({ options: { size: { type: 'string', default: 'S' }, seed: { type: 'string', default: '1' }, data: { type: 'string' } } });

async function main(): Promise<void> {
  const dataset = await ensureDataset(values.size as SizeName, values.seed!, values.data);
  const profileDir = tempProfile();
  const cold = await open(dataset, profileDir);
  await cold.service.close();
  const warm = await open(dataset, profileDir);
  await warm.service.close();
  rmSync(profileDir, { recursive: true, force: true });
  console.log(`cold ${cold.ms.toFixed(0)} ms, warm ${warm.ms.toFixed(0)} ms`);
}

void main();
