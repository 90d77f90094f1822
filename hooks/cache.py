"""The hooks' frame, MkDocs' side: compiled templates kept in .cache/templates, and the domain's errors said
as MkDocs says a plugin's.

- partnership/cache.py keeps the cache (compiled templates, preview images, QR codes, reduced style sheets);
  here Material's and the overrides' templates get it too.
- partnership/ never imports MkDocs: its DataError is a plain exception. This hook, first in mkdocs.yml, makes
  every hook's event turn one into MkDocs' PluginError with the same message, so that MkDocs stops the build
  with that one line, as it stops for a plugin.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from partnership.cache import template_cache
from partnership.data import DataError

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files


@event_priority(1000)  # before any other hook's on_config: theirs are already wrapped when they run
def on_config(config: MkDocsConfig) -> None:
    hooks = {module.__name__ for module in config.hooks.values()}
    plugins = config.plugins
    for methods in plugins.events.values():
        for index, method in enumerate(methods):
            if getattr(method, "__module__", None) in hooks and not hasattr(method, "__wrapped__"):
                methods[index] = _said_as_plugin_error(method)
                plugins._event_origins[methods[index]] = plugins._event_origins.get(method, "<unknown>")


def _said_as_plugin_error(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except DataError as error:
            raise PluginError(str(error)) from error

    return run


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.bytecode_cache = template_cache()
    return env
