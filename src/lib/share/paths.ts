/** Site paths of the share images and the 一图读懂 page (no heavy imports: task pages link to them). */
export const glancePath = (year: number) => `/${year}/at-a-glance/`;
/** Where a page's share image lives: /2019/tasks/21/ → /2019/tasks/21/share.png. */
export const sharePath = (pagePath: string) => `${pagePath}share.png`;
