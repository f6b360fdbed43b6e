# Types of axe-playwright-python (it ships none): what the accessibility profile uses.
