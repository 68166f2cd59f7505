import { AREAS } from "./areas";
import { ComingSoon } from "./ComingSoon";

export const Campaigns = () => <ComingSoon area={AREAS.campaigns} />;
export const Assistant = () => <ComingSoon area={AREAS.assistant} />;
