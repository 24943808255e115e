/*
 * uknet_start: the stack's command-line arguments (net.ip=, net.gw=,
 * net.dev=), taken out of argv as the platforms take theirs.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uknet/net.h>

#define PREFIX "net."
#define DEFAULT_PREFIX_LENGTH 24

struct arguments {
	const char *ip, *gw, *dev;
};

static int complain(const char *what, const char *arg)
{
	printf("uknet: %s%s\n", what, arg ? arg : "");
	return -EINVAL;
}

/* What follows `name` in `arg`, or NULL when `arg` does not start with it. */
static const char *value_of(const char *arg, const char *name)
{
	size_t len = strlen(name);

	return strncmp(arg, name, len) == 0 ? arg + len : 0;
}

/* Records `arg` (a net.* argument) in *args; -EINVAL for an unknown one. */
static int take(const char *arg, struct arguments *args)
{
	const char *value;

	if ((value = value_of(arg, "net.ip=")))
		args->ip = value;
	else if ((value = value_of(arg, "net.gw=")))
		args->gw = value;
	else if ((value = value_of(arg, "net.dev=")))
		args->dev = value;
	else
		return complain("unknown argument (net.ip=, net.gw=, net.dev=): ", arg);
	return 0;
}

/* "A.B.C.D[/N]" into an address and a netmask. */
static int parse_address(const char *text, struct uknet_config *config)
{
	char address[UKNET_IPV4_TEXT_MAX];
	const char *slash = strchr(text, '/');
	size_t len = slash ? (size_t)(slash - text) : strlen(text);
	long prefix = DEFAULT_PREFIX_LENGTH;

	if (len >= sizeof(address))
		return -EINVAL;
	memcpy(address, text, len);
	address[len] = '\0';
	if (slash) {
		char *end;

		prefix = strtol(slash + 1, &end, 10);
		if (end == slash + 1 || *end || prefix < 1 || prefix > 30)
			return -EINVAL;
	}
	config->netmask = ~0u << (32 - prefix);
	return uknet_parse_ipv4(address, &config->address);
}

static struct uk_netdev *choose_device(const char *name)
{
	if (name)
		return uk_netdev_find(name);
	return uk_netdev_get(0);
}

int uknet_start(int *argc, char *argv[])
{
	struct arguments args = { 0 };
	struct uknet_config config = { 0 };
	struct uk_netdev *dev;
	int kept = 1, err = 0;

	for (int i = 1; i < *argc; i++) {
		if (strncmp(argv[i], PREFIX, strlen(PREFIX)) != 0)
			argv[kept++] = argv[i];
		else if (take(argv[i], &args) < 0)
			err = -EINVAL;
	}
	argv[kept] = 0;
	*argc = kept;
	if (err)
		return err;
	if (!args.ip)
		return complain("no address: add net.ip=A.B.C.D/N", 0);
	if (parse_address(args.ip, &config) < 0)
		return complain("bad address (A.B.C.D/N, N from 1 to 30): net.ip=", args.ip);
	if (args.gw && uknet_parse_ipv4(args.gw, &config.gateway) < 0)
		return complain("bad gateway (A.B.C.D): net.gw=", args.gw);
	dev = choose_device(args.dev);
	if (!dev) {
		printf("uknet: no network device%s%s\n", args.dev ? " named " : "",
		       args.dev ? args.dev : "");
		return -ENODEV;
	}
	if (uknet_configure(dev, &config) < 0)
		return complain("address, gateway or device MTU unusable: net.ip=", args.ip);
	return 0;
}
