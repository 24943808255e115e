deps_config := \
	Kconfig \

auto.conf: $(deps_config)

ifneq "$(ARCH_NAME)" "x86"
auto.conf: FORCE
endif

$(deps_config): ;
