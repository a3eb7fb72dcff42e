"""The Accounts screen: channels found, plugins that failed, add and remove accounts."""
