# no-oracle: an import cycle, which Python refuses; slotlint must stay silent and finish.
from .first import First
