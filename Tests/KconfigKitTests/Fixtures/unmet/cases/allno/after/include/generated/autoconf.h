/*
 * Automatically generated file; DO NOT EDIT.
 * Unmet dependencies
 */
