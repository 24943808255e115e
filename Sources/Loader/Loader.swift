// The Loader module; its files arrive in the next commits.
