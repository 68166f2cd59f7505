import { AREAS } from "./areas";
import { ComingSoon } from "./ComingSoon";

export const Assistant = () => <ComingSoon area={AREAS.assistant} />;
