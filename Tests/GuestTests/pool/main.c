/* Does nothing: the image exists to compile and link the enabled libraries. */
int main(void)
{
	return 0;
}
