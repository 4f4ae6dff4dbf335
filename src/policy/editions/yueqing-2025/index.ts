import type { EditionData } from "../../types";
import { areas } from "./areas";
import { articles } from "./articles";
import { document } from "./document";
import { targets } from "./targets";

/** 《乐清市推动经济高质量发展若干政策(2025年版)》 (乐政发〔2025〕4号); seed text: seeds/yueqing-2025-policy.txt. */
export const yueqing2025 = { document, areas, articles, targets } as const satisfies EditionData;
