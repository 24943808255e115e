/* Shim between Swift and linux/kvm.h plus the guest<->loader ABI. */
#ifndef CKVM_H
#define CKVM_H
#include <linux/kvm.h>
#include "../../../Platforms/kvm/include/unikit/loader_abi.h"
#endif
