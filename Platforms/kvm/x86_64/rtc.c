/* The date from the CMOS real-time clock (MC146818), for hosts that do not
 * hand it over in boot info; 0 when there is no RTC. */
#include <x86_64/io.h>
#include <ukplat/time.h>

#include "kvm.h"

#define CMOS_INDEX 0x70
#define CMOS_DATA  0x71

enum { RTC_SECONDS = 0x0, RTC_MINUTES = 0x2, RTC_HOURS = 0x4, RTC_DAY = 0x7,
       RTC_MONTH = 0x8, RTC_YEAR = 0x9, RTC_STATUS_A = 0xa, RTC_STATUS_B = 0xb };

#define RTC_UPDATING   0x80 /* status A: the registers are changing */
#define RTC_BINARY     0x04 /* status B: values are binary, not BCD */
#define RTC_24HOUR     0x02
#define RTC_PM         0x80 /* hours, 12-hour mode */

/* An update takes < 2 ms: longer than this many reads (each a VM exit,
 * several µs) means something else answers the port. */
#define RTC_WAIT_READS 2000
/* What a port with no device behind it reads; never a real status A. */
#define RTC_ABSENT 0xff

static uint8_t cmos_read(uint8_t reg)
{
	outb(CMOS_INDEX, reg);
	return inb(CMOS_DATA);
}

static unsigned int decode(uint8_t value, int binary)
{
	return binary ? value : (value >> 4) * 10 + (value & 0xf);
}

/* Days from 1970-01-01 to the given date (proleptic Gregorian calendar). */
static int64_t days_since_epoch(int64_t year, unsigned int month, unsigned int day)
{
	int64_t era, yoe, doy;

	year -= month <= 2;
	era = year / 400;
	yoe = year - era * 400;
	doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

uint64_t kvm_rtc_wall_clock_ns(void)
{
	uint8_t status, hours;
	int binary, reads = 0;
	unsigned int hour;
	int64_t days;

	if (cmos_read(RTC_STATUS_A) == RTC_ABSENT)
		return 0;
	while (cmos_read(RTC_STATUS_A) & RTC_UPDATING)
		if (++reads == RTC_WAIT_READS)
			return 0;
	status = cmos_read(RTC_STATUS_B);
	binary = status & RTC_BINARY;
	hours = cmos_read(RTC_HOURS);
	hour = decode(hours & 0x7f, binary);
	if (!(status & RTC_24HOUR))
		hour = hour % 12 + (hours & RTC_PM ? 12 : 0);
	/* The two-digit year: the RTC is read in the 21st century. */
	days = days_since_epoch(2000 + decode(cmos_read(RTC_YEAR), binary),
				decode(cmos_read(RTC_MONTH), binary), decode(cmos_read(RTC_DAY), binary));
	if (days < 0)
		return 0;
	return (((uint64_t)days * 24 + hour) * 60 + decode(cmos_read(RTC_MINUTES), binary)) * 60 *
		       UKPLAT_NSEC_PER_SEC +
	       (uint64_t)decode(cmos_read(RTC_SECONDS), binary) * UKPLAT_NSEC_PER_SEC;
}
