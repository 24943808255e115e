/* Hello world: greets, prints its arguments, exits with a chosen status. */
#include <unikit/config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The configured status, unless an argument "exit=N" says otherwise. */
static int exit_status(int argc, char *argv[])
{
	int status = CONFIG_HELLOWORLD_EXIT_STATUS;

	for (int i = 1; i < argc; i++)
		if (strncmp(argv[i], "exit=", 5) == 0)
			status = atoi(argv[i] + 5);
	return status;
}

int main(int argc, char *argv[])
{
	printf("Hello, world!\n");
	for (int i = 0; i < argc; i++)
		printf("argv[%d]: %s\n", i, argv[i]);
	return exit_status(argc, argv);
}
