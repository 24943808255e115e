deps_config := \
	Kconfig \

out/auto.conf: $(deps_config)

ifneq "$(ARCH_NAME)" "arm"
out/auto.conf: FORCE
endif

$(deps_config): ;
