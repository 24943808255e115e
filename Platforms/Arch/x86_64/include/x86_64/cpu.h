/* x86_64 instructions the arch and platform code need: CPUID, MSRs, TSC.
 * MSR accesses are privileged (a VM exit each on PVM): use them rarely. */
#ifndef X86_64_CPU_H
#define X86_64_CPU_H

#include <stdint.h>

struct x86_64_cpuid {
	uint32_t eax, ebx, ecx, edx;
};

static inline struct x86_64_cpuid x86_64_cpuid(uint32_t leaf, uint32_t subleaf)
{
	struct x86_64_cpuid r;

	__asm__ __volatile__("cpuid" : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
			     : "a"(leaf), "c"(subleaf));
	return r;
}

static inline uint64_t x86_64_rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

static inline void x86_64_wrmsr(uint32_t msr, uint64_t value)
{
	__asm__ __volatile__("wrmsr" : : "c"(msr), "a"((uint32_t)value), "d"((uint32_t)(value >> 32))
			     : "memory");
}

static inline void x86_64_pause(void)
{
	__asm__ __volatile__("pause");
}

#endif
