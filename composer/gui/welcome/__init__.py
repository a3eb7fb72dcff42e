"""The first run and the Help menu: the welcome page, the office profile, Getting started, About."""
