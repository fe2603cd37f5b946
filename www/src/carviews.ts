// The carviews module, initialised once. Every export waits for `ready`.
import init, * as carviews from "carviews";


export const ready = init();
export const lib = carviews;
