// Each line plugs one capability into the app: its module registers its own screen, nav entry
// and status indicator (see app/nav/registry.ts). The sidebar orders them, not this list.
import './briefing/register';
import './settings/register';
import './sync/register';
import './team/register';
import './handover/register';
import './stand-in/register';
import './follow-ups/register';
import './rota/register';
import './sop/register';
import './prizes/register';
