import { registerFrameNotice } from '../app/nav/registry';
import { SampleBanner } from './SampleBanner';

// Above every screen while a sample team is open.
registerFrameNotice(SampleBanner);
