"""The codes ``pscatalog import`` reports about a services.yml source file.

Kept apart from the importer so that the documentation modules of this
package can name them without importing the importer (which imports the
checker, which imports this package).
"""

from __future__ import annotations

DUPLICATE_SOURCE_ID = "I001"
DUPLICATE_SOURCE_NAME = "I002"
PRICE_AS_TEXT = "I003"
PLACEHOLDER_ON_SOLD_ENTRY = "I004"
PRICE_IN_DURATION = "I005"
DURATION_DISAGREES = "I006"
LEVEL_DISAGREES = "I007"
REMOTE_PRICED_ON_SITE = "I008"
UNMAPPED_CATEGORY = "I009"
UNCLEAR_VALUE = "I010"
CONVERTED_VALUE = "I011"
MISSING_VALUE = "I012"
NOT_A_SERVICE_ENTRY = "I013"
ID_COLLISION = "I014"
