import { EN_TEXTS } from './texts-en';
import { ZH_TEXTS } from './texts-zh';
import type { SampleLanguage, SampleTexts } from './text-shape';

export type { SampleLanguage, SampleTexts } from './text-shape';

/** The sample's texts in the language of the screen that opens it. */
export function sampleTexts(language: SampleLanguage): SampleTexts {
  return language === 'en' ? EN_TEXTS : ZH_TEXTS;
}
