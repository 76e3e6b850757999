/**
 * The date this build of the site was made, YYYY-MM-DD in China Standard Time. Printouts carry it as
 * 打印版生成日期: a static page cannot know the day it is printed without JavaScript. With
 * SOURCE_DATE_EPOCH set (reproducible builds) that date is used instead of the clock.
 */
const epoch = process.env.SOURCE_DATE_EPOCH;
const at = epoch ? new Date(Number(epoch) * 1000) : new Date();

// sv-SE formats dates as YYYY-MM-DD.
export const buildDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(at);
