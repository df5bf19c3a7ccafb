"""The <id:...> URL converter: a row id that fits the database, or no match (a 404).

Django's <int:...> takes any number of digits, and a number over 64 bits reaching a query
is an error in the database driver (SQLite: OverflowError): a 500 for a typed address.
Importing this module registers the converter.
"""

from django.urls import register_converter

from samizdat.apitypes import MAX_ID


class IdConverter:
    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = int(value)
        if number > MAX_ID:
            raise ValueError("not a row id")  # the URL does not match: 404
        return number

    def to_url(self, value):
        return str(value)


register_converter(IdConverter, "id")
