/** The dashboard's users work in Almaty; every absolute time is shown in its zone. */
export const almatyTimeZone = "Asia/Almaty";
