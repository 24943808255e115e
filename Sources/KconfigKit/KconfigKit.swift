// The KconfigKit module; its files arrive in the next commits.
