"""One module per screen: the report's sections, 校验, 预览, and the modal prompts."""
