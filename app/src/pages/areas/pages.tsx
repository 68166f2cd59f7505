import { AREAS } from "./areas";
import { ComingSoon } from "./ComingSoon";

export const Templates = () => <ComingSoon area={AREAS.templates} />;
export const Campaigns = () => <ComingSoon area={AREAS.campaigns} />;
export const Outbox = () => <ComingSoon area={AREAS.outbox} />;
export const Assistant = () => <ComingSoon area={AREAS.assistant} />;
