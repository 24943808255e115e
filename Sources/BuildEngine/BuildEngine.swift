// The BuildEngine module; its files arrive in the next commits.
