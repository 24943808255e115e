deps_config := \
	Kconfig \

include/config/auto.conf: $(deps_config)

ifneq "$(ARCH_NAME)" "x86"
include/config/auto.conf: FORCE
endif

$(deps_config): ;
